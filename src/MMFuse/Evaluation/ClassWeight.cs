namespace MMFuse.Evaluation;

/// <summary>How training rows are weighted by their class (<c>--class-weight</c>), as scikit-learn's <c>class_weight</c>.</summary>
public enum ClassWeight
{
    /// <summary>Every class weighs the same per row (default).</summary>
    None,
    /// <summary>Each row weighs n_samples / (n_classes · count(its class)), counted on the training part of each fold
    /// only, so rare classes count as much in total as common ones; multiplied with sample weights when both are given.</summary>
    Balanced,
}
