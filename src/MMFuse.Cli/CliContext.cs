using Spectre.Console;

namespace MMFuse.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics and warnings to <see cref="Error"/>.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
            Out.Profile.Width = 120;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Out { get; }

    private CliProgress? _progress;

    /// <summary>Renders the library's progress reports for this run.</summary>
    public CliProgress Progress => _progress ??= new CliProgress(this);

    private readonly HashSet<string> _warned = [];

    public void Warn(string message) => Error.WriteLine("warning: " + CliFlags.Map(message));

    /// <summary>Warns unless this very warning was already given in this run (a command may open the cache twice).</summary>
    public void WarnOnce(string message)
    {
        lock (_warned)
            if (!_warned.Add(message)) return;
        Warn(message);
    }
}
