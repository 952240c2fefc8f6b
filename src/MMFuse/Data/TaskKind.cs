namespace MMFuse.Data;

/// <summary>What is being predicted: inferred from the label column, overridable with <c>--task</c>.</summary>
public enum TaskKind
{
    /// <summary>Two classes.</summary>
    Binary,
    /// <summary>Three or more classes.</summary>
    Multiclass,
    /// <summary>A numeric value.</summary>
    Regression,
}
