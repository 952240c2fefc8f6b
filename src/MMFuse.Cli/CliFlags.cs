namespace MMFuse.Cli;

/// <summary>
/// The library names its settings in words ("max image pixels: ..."); the CLI shows the flag that sets each
/// (<c>--max-image-pixels: ...</c>), so a message points at what to change on the command line.
/// </summary>
internal static class CliFlags
{
    private static readonly (string Setting, string Flag)[] Settings =
    [
        ("strict:", "--strict:"),
        ("threads:", "--threads:"),
        ("max image pixels:", "--max-image-pixels:"),
        ("max text chars:", "--max-text-chars:"),
        ("augment:", "--augment:"),
        ("modalities:", "--modalities:"),
        ("dedupe:", "--dedupe:"),
        ("vote weights:", "--weights:"),
        ("text features:", "--text-features:"),
        ("groups:", "--join:"),
        ("strategies:", "--strategies:"),
        ("id column:", "--id:"),
    ];

    public static string Map(string message)
    {
        foreach (var (setting, flag) in Settings)
            if (message.StartsWith(setting, StringComparison.Ordinal))
                return flag + message[setting.Length..];
        return message;
    }
}
