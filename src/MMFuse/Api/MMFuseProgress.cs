using MMFuse.Data;

namespace MMFuse;

/// <summary>
/// What a long call reports while it runs, through the <see cref="IProgress{T}"/> it was given: extraction progress
/// per column, each strategy as it finishes, and notes (what was decided, what was written, warnings). A caller
/// that passes no progress loses nothing the results do not carry; the warnings are also in the results.
/// </summary>
public abstract record MMFuseProgress;

/// <summary>Rows of one column featurised so far. <paramref name="Variant"/> names an augmentation or noise pass (null for the original rows).</summary>
public sealed record ExtractionProgress(string Column, ColumnRole Role, string? Variant, int Done, int Total, double ItemsPerSecond) : MMFuseProgress
{
    /// <summary>True on the last report of a column.</summary>
    public bool Finished => Done >= Total;
}

/// <summary>One strategy finished its cross-validation: its main metric's mean over the folds and the seconds it took.</summary>
public sealed record StrategyFinished(string Strategy, string Metric, double Mean, double Seconds) : MMFuseProgress;

/// <summary>A line for the user: a decision taken (<c>image features: auto → resnet18</c>), a step started, or, when
/// <paramref name="IsWarning"/>, something that may make the results wrong or surprising.</summary>
public sealed record ProgressNote(string Message, bool IsWarning = false) : MMFuseProgress
{
    /// <summary>What the note is, so a front end can place it (the CLI sends decisions to stderr and bolds outputs).</summary>
    public NoteKind Kind { get; init; } = IsWarning ? NoteKind.Warning : NoteKind.Step;
}

/// <summary>The kinds of <see cref="ProgressNote"/>.</summary>
public enum NoteKind
{
    /// <summary>A step started or a fact about the run.</summary>
    Step,

    /// <summary>A choice MMFuse made for the user (<c>image features: auto → resnet18</c>).</summary>
    Decision,

    /// <summary>A file written; the message is <c>wrote PATH</c>.</summary>
    Output,

    /// <summary>Something that may make the results wrong or surprising (<see cref="ProgressNote.IsWarning"/>).</summary>
    Warning,
}
