using System.CommandLine;
using MMFuse.Bundle;

namespace MMFuse.Cli;

/// <summary><c>--sign-key FILE</c>: train signs the model with the key in FILE; predict then requires that signature.</summary>
internal sealed class SigningKeyArgument(string description)
{
    public Option<string?> Option { get; } = new("--sign-key") { Description = description };

    /// <summary>The key, read before any work starts, so a bad key file fails at once; null without the option.</summary>
    public ModelSigningKey? Read(ParseResult parse) =>
        parse.GetValue(Option) is { } path ? ModelSigningKey.FromFile(path) : null;
}
