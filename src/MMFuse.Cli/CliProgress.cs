using System.Globalization;
using MMFuse.Data;
using Spectre.Console;

namespace MMFuse.Cli;

/// <summary>
/// Shows what the library reports while it runs: one progress bar per column during extraction (inside
/// <see cref="WithBars{T}"/>), a line per finished strategy, notes in grey and warnings on stderr. Notes that
/// arrive while bars are drawn are held until the bars are done, so they do not tear the display.
/// </summary>
internal sealed class CliProgress(CliContext context) : IProgress<MMFuseProgress>
{
    private readonly Lock _gate = new();
    private readonly List<MMFuseProgress> _held = [];
    private readonly Dictionary<string, ProgressTask> _bars = [];
    private ProgressContext? _live;

    public void Report(MMFuseProgress value)
    {
        lock (_gate)
        {
            if (value is ExtractionProgress extraction)
            {
                Extraction(extraction);
                return;
            }
            if (_live is not null)
            {
                _held.Add(value);
                return;
            }
        }
        Write(value);
    }

    /// <summary>Runs <paramref name="work"/> with progress bars drawn for the extraction it reports.</summary>
    public T WithBars<T>(Func<T> work)
    {
        T result = default!;
        context.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(live =>
            {
                lock (_gate) _live = live;
                try { result = work(); }
                finally
                {
                    lock (_gate)
                    {
                        foreach (var bar in _bars.Values) bar.StopTask();
                        _bars.Clear();
                        _live = null;
                    }
                }
            });
        List<MMFuseProgress> held;
        lock (_gate) { held = [.. _held]; _held.Clear(); }
        foreach (var value in held)
            Write(value);
        return result;
    }

    private void Extraction(ExtractionProgress p)
    {
        var name = $"{p.Column} ({p.Role.Name()}){(p.Variant is null ? "" : " " + p.Variant)}";
        if (_live is null)
        {
            // Outside the bars (noise passes of the report): one line per column when it is done.
            if (p.Finished)
                context.Out.MarkupLine($"[grey]extracted {Markup.Escape(name)}: {p.Total:N0} rows[/]");
            return;
        }
        if (!_bars.TryGetValue(name, out var bar))
            _bars[name] = bar = _live.AddTask(name, maxValue: Math.Max(p.Total, 1));
        bar.Value = p.Done;
        bar.Description = $"{name} {p.ItemsPerSecond.ToString("F0", CultureInfo.InvariantCulture)} items/s";
        if (p.Finished)
            bar.StopTask();
    }

    private void Write(MMFuseProgress value)
    {
        switch (value)
        {
            case ProgressNote { IsWarning: true } note:
                context.Warn(CliFlags.Map(note.Message));
                break;
            case ProgressNote { Kind: NoteKind.Decision } note:
                context.Error.WriteLine(note.Message);
                break;
            case ProgressNote { Kind: NoteKind.Output } note when note.Message.StartsWith("wrote ", StringComparison.Ordinal):
                context.Out.MarkupLine($"wrote [bold]{Markup.Escape(note.Message["wrote ".Length..])}[/]");
                break;
            case ProgressNote note:
                context.Out.MarkupLine($"[grey]{Markup.Escape(note.Message)}[/]");
                break;
            case StrategyFinished done:
                context.Out.MarkupLine(CultureInfo.InvariantCulture, $"[grey]done[/] {Markup.Escape(done.Strategy)}: {done.Metric} {done.Mean:F4} ({done.Seconds:F1} s)");
                break;
        }
    }
}
