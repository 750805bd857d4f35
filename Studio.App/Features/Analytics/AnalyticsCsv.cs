using System.Globalization;
using System.Text;
using Studio.Core.Analytics;

namespace Studio.App.Features.Analytics;

/// <summary>
/// An analytics report as CSV: a header row, then one row per period × provider and per period × template, with
/// invariant-culture numbers (a dot for decimals, whatever the reader's language) so any spreadsheet can sum them.
/// </summary>
internal static class AnalyticsCsv
{
    public const string Header = "period,period_start,dimension,name,jobs,spend_usd";

    public static string Write(AnalyticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var period in report.Periods)
        {
            var label = AnalyticsQueries.Label(period.Start, report.Period);
            var start = period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (dimension, totals) in new[] { ("provider", period.ByProvider), ("template", period.ByTemplate) })
            {
                foreach (var total in totals)
                {
                    csv.Append(label).Append(',').Append(start).Append(',').Append(dimension).Append(',')
                        .Append(Field(total.Name)).Append(',')
                        .Append(total.Jobs.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(total.AmountUsd.ToString("0.00##", CultureInfo.InvariantCulture)).Append("\r\n");
                }
            }
        }

        return csv.ToString();
    }

    // Quotes what needs it (RFC 4180); a name a spreadsheet would run as a formula (=, +, -, @) is defused with a '.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
