namespace MMFuse.Data;

/// <summary>
/// The user's input or command line is wrong (unknown column, unreadable manifest, bad rows under the
/// <c>fail</c> policy). The CLI prints the message without a stack trace and exits with code 2.
/// </summary>
public sealed class MMFuseInputException(string message, Exception? inner = null) : Exception(message, inner);
