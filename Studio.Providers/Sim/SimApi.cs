using System.Text.Json;
using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>The simulator's routes (README.md beside this file): what each request does to the ledger, and its answer.</summary>
internal sealed class SimApi(SimProviderOptions options, SimLedger ledger, SimFaultPlan faults, SimClipCache clips, TimeProvider time)
{
    private const int MaxPromptLength = 2000;
    private const double MaxDurationSeconds = 10;
    private const int MinSide = 16;
    private const int MaxSide = 4096;

    /// <summary>Answers one request; <paramref name="path"/> has no trailing slash.</summary>
    public async Task<SimReply> HandleAsync(string method, string path, string? clientReference, byte[] body, CancellationToken ct)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != "v1" || parts[1] != "generations")
        {
            return NotFound("No such route.");
        }

        return (method, parts.Length) switch
        {
            ("POST", 2) => Create(body),
            ("GET", 2) => SimReply.Json(200, new SimGenerationList(ledger.List(clientReference)), SimJsonContext.Default.SimGenerationList),
            ("GET", 3) => Status(parts[2]),
            ("DELETE", 3) => Cancel(parts[2]),
            ("GET", 4) when parts[3] == "content" => await ContentAsync(parts[2], ct).ConfigureAwait(false),
            _ => SimReply.Error(405, SimErrorCodes.InvalidRequest, $"{method} is not allowed on {path}."),
        };
    }

    private static SimReply NotFound(string message) => SimReply.Error(404, SimErrorCodes.NotFound, message);

    private static SimReply Invalid(string message) => SimReply.Error(400, SimErrorCodes.InvalidRequest, message);

    private static string? Problem(SimCreateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return "prompt is required.";
        }

        if (request.Prompt.Length > MaxPromptLength)
        {
            return $"prompt is longer than {MaxPromptLength} characters.";
        }

        if (request.Mode is null || !SimModes.All.Contains(request.Mode))
        {
            return $"mode must be one of {string.Join(", ", SimModes.All)}.";
        }

        if (request.Width is < MinSide or > MaxSide || request.Height is < MinSide or > MaxSide || request.Width % 2 != 0 || request.Height % 2 != 0)
        {
            return $"width and height must be even numbers from {MinSide} to {MaxSide}.";
        }

        return request.DurationSeconds is > 0 and <= MaxDurationSeconds
            ? null
            : $"duration_seconds must be more than 0 and at most {MaxDurationSeconds}.";
    }

    private SimReply Create(byte[] body)
    {
        SimCreateRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, SimJsonContext.Default.SimCreateRequest);
        }
        catch (JsonException ex)
        {
            return Invalid($"The body is not a valid generation request: {ex.Message}");
        }

        if (request is null)
        {
            return Invalid("The body is empty.");
        }

        if (Problem(request) is { } problem)
        {
            return Invalid(problem);
        }

        if (faults.Refuses(request.Prompt!))
        {
            return SimReply.Error(400, SimErrorCodes.ContentPolicy, "This prompt breaks the simulator's content policy (a simulated refusal): rephrase it.");
        }

        var job = new SimJob("gen_" + Guid.NewGuid().ToString("N"), request, time.GetUtcNow(), faults.FailsAtProvider());
        ledger.Add(job);
        return SimReply.Json(201, job.ToWire(), SimJsonContext.Default.SimGeneration);
    }

    private SimReply Status(string id) =>
        ledger.With(id, job =>
        {
            job.Poll(options.PollsBeforeDone);
            return SimReply.Json(200, job.ToWire(), SimJsonContext.Default.SimGeneration);
        }) ?? NotFound($"No generation {id}.");

    private SimReply Cancel(string id) =>
        ledger.With(id, job =>
        {
            job.Cancel();
            return SimReply.NoContent;
        }) ?? NotFound($"No generation {id}.");

    private async Task<SimReply> ContentAsync(string id, CancellationToken ct)
    {
        var job = ledger.With(id, j => j.ToWire());
        if (job is null)
        {
            return NotFound($"No generation {id}.");
        }

        if (job.Status != SimStatuses.Succeeded)
        {
            return SimReply.Error(409, SimErrorCodes.NotReady, $"Generation {id} is {job.Status}; its content exists once it has succeeded.");
        }

        var bytes = await clips.GetAsync(job.Width, job.Height, TimeSpan.FromSeconds(job.DurationSeconds), ct).ConfigureAwait(false);
        return new SimReply(200, bytes, "video/mp4");
    }
}
