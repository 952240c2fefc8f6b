using MMFuse.Data;
using MMFuse.Serve.Batching;
using MMFuse.Serve.Input;
using Microsoft.AspNetCore.Http;

namespace MMFuse.Serve.Http;

/// <summary>
/// RFC 7807 problem details for everything a client can get wrong, so a bad request is a 4xx naming what is wrong
/// (the row index and column as extension members), never a 500, and never repeats what was sent.
/// </summary>
internal static class Problems
{
    /// <summary>True for the exceptions that mean "the request is at fault" (or "come back later"), not the server.</summary>
    public static bool IsClients(Exception ex) =>
        ex is MMFuseInputException or RequestProblemException or BadHttpRequestException or QueueFullException;

    public static IResult For(Exception ex, ServeOptions options) => ex switch
    {
        MMFuseInputException input => Results.Problem(input.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid input",
            extensions: new Dictionary<string, object?> { ["row"] = input.RowIndex, ["column"] = input.Column }),
        RequestProblemException request => Results.Problem(request.Message, statusCode: request.Status, title: request.Title),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Results.Problem(
            $"the body is above the limit of {options.MaxRequestBytes} bytes (the server's --max-request-mb)", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large"),
        BadHttpRequestException bad => Results.Problem("the request cannot be read", statusCode: bad.StatusCode, title: "Bad request"),
        QueueFullException full => Results.Problem(full.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy"),
        _ => throw new ArgumentException("not a client's problem", nameof(ex), ex),
    };
}
