namespace MMFuse.Data;

/// <summary>
/// The user's input or command line is wrong (unknown column, unreadable manifest, bad rows under the
/// <c>fail</c> policy). The CLI prints the message without a stack trace and exits with code 2.
/// </summary>
public sealed class MMFuseInputException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>For rows built in code: the 0-based index of the row at fault, when one row is; else null.</summary>
    public int? RowIndex { get; init; }

    /// <summary>The column at fault, when one is; else null.</summary>
    public string? Column { get; init; }
}
