using MMFuse.Data;
using Microsoft.AspNetCore.Http;

namespace MMFuse.Serve.Input;

/// <summary>The rows of a predict or explain request, by its content type: JSON, or a form (one row).</summary>
internal static class RequestRows
{
    public static Task<List<MultimodalRow>> ReadAsync(HttpRequest request, IReadOnlyDictionary<string, ColumnRole> roles, ServeOptions options,
        CancellationToken cancel)
    {
        // Refused before reading a byte when the client declares the size; a chunked body is stopped by Kestrel's limit.
        if (request.ContentLength > options.MaxRequestBytes)
            throw new RequestProblemException(StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"the body has {request.ContentLength} bytes, above the limit of {options.MaxRequestBytes} (the server's --max-request-mb)");
        if (request.HasJsonContentType())
            return JsonRows.ReadAsync(request, roles, options.MaxRowsPerRequest, cancel);
        if (request.HasFormContentType)
            return FormRows.ReadAsync(request, roles, cancel);
        throw new RequestProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
            "send application/json ({\"rows\": [...]}) or multipart/form-data (one row: files and fields by column name)");
    }
}
