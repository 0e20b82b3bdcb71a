using Microsoft.AspNetCore.Http.HttpResults;

namespace Ops.Dashboard.Problems;

/// <summary>The <c>application/problem+json</c> answers of the API, each with a clear detail.</summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>400 naming each bad field; an empty list of errors means the input is valid.</summary>
    public static ValidationProblem Invalid(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary(),
        detail: "The request has invalid fields: " + string.Join(", ", errors.Fields) + ".");
}
