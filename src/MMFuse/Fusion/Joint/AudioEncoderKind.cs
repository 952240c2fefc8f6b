using System.Text.Json.Serialization;

namespace MMFuse.Fusion.Joint;

/// <summary>How a joint network encodes an audio block (written by name in the model file).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AudioEncoderKind>))]
public enum AudioEncoderKind
{
    /// <summary>The same small dense encoder as every other block, over the extractor's vector (summary statistics
    /// for <c>logmel-grid</c>).</summary>
    Stats,

    /// <summary>A small convolutional network over the log-mel spectrogram (<see cref="SpectrogramEncoder"/>), trained
    /// with the rest of the joint network; needs the audio block of <c>ExtractorChoices.Audio = "logmel-frames"</c>.</summary>
    Cnn,
}
