namespace MMFuse.Fusion.Joint;

/// <summary>How a joint network predicts a multi-label task.</summary>
public enum MultiLabelHead
{
    /// <summary>One network whose output layer has one logit per label, trained with binary cross-entropy and read
    /// through a sigmoid per label: the labels share the encoders and the fusion, and one network trains instead of one
    /// per label.</summary>
    Shared,

    /// <summary>Binary relevance: one two-class network per label (<see cref="MultiLabel.BinaryRelevanceStrategy"/>).</summary>
    PerLabel,
}
