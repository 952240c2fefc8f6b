namespace MMFuse;

/// <summary>What the HTML report analyses beyond the defaults.</summary>
public sealed record ReportOptions
{
    /// <summary>Noise curves for inputs of pretrained encoders (ResNet18, MiniLM) too: one extraction per noise level.</summary>
    public bool NoiseAll { get; init; }

    /// <summary>Rewrites each data warning before it goes into the page. Library messages name library settings
    /// (<c>DatasetOptions.Roles[Ignore] = ["id"]</c>); a front end passes its own wording (the CLI maps them to its
    /// flags). Null keeps the library's wording.</summary>
    public Func<string, string>? RewriteWarning { get; init; }

    /// <summary>Tuning to show in the report's tuning section: each outer fold's trials and choice (a tuned evaluation's are shown without it).</summary>
    public IReadOnlyList<Evaluation.Tuning.TuningResult>? Tuning { get; init; }
}
