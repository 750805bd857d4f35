using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Studio.App.Hosting;

/// <summary>
/// API errors as problem details, in every environment, without a stack trace or an echo of the request's headers:
/// a request the framework could not read (malformed JSON, wrong types) is a 400 that says where the body is wrong;
/// anything else on an API route is a 500 that points to the log. Page errors go on to the error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ApiExceptionHandler> L) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read",
                Detail = badRequest.InnerException is JsonException json
                    ? L["The request body is not valid JSON for this route: {0}", json.Message]
                    : badRequest.Message,
            };
        }
        else if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Studio hit an unexpected error",
                Detail = L["The server log has the details, under this request's trace id."],
            };
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
