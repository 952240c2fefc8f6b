namespace MMFuse.Evaluation.Calibration;

/// <summary>How predicted probabilities are recalibrated, always on out-of-fold predictions.</summary>
public enum CalibrationKind
{
    /// <summary>Probabilities as the model gives them.</summary>
    None,

    /// <summary>Temperature scaling (Guo et al., 2017): one temperature per missingness pattern, fitted by likelihood.</summary>
    Temperature,

    /// <summary>Isotonic regression of the positive class's probability (binary tasks only).</summary>
    Isotonic,
}
