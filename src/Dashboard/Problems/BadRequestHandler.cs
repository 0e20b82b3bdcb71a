using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Ops.Dashboard.Problems;

/// <summary>Turns a body that cannot be read (malformed JSON, a field of the wrong type) into a 400
/// problem that names the field, instead of an empty 400.</summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;
        var json = badRequest.InnerException as JsonException;
        var field = string.IsNullOrEmpty(json?.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        var errors = new Dictionary<string, string[]>
        {
            [field] = [json is null ? badRequest.Message : "has the wrong type or is not valid JSON"],
        };
        // Kestrel's refusal of a body over the limit keeps its 413.
        var status = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? badRequest.StatusCode : StatusCodes.Status400BadRequest;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = status,
                Detail = $"The request has invalid fields: {field}.",
            },
        });
    }
}
