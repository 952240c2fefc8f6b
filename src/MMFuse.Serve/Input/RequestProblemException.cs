namespace MMFuse.Serve.Input;

/// <summary>A request the server refuses before looking at rows (malformed JSON, wrong content type, too many rows): its status and reason.</summary>
internal sealed class RequestProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
