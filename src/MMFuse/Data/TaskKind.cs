namespace MMFuse.Data;

/// <summary>What is being predicted: inferred from the label column(s), overridable with <c>--task</c>.</summary>
public enum TaskKind
{
    /// <summary>Two classes.</summary>
    Binary,
    /// <summary>Three or more classes.</summary>
    Multiclass,
    /// <summary>A numeric value.</summary>
    Regression,
    /// <summary>Any subset of several labels per row (a separated label cell, or several 0/1 label columns).</summary>
    Multilabel,
}
