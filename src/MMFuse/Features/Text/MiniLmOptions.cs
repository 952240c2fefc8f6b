namespace MMFuse.Features.Text;

/// <summary>Settings for <see cref="MiniLmEncoder"/>.</summary>
/// <param name="BatchSize">Texts per ONNX run. Texts are sorted by token count first, so a batch pads
/// only to its own longest member.</param>
/// <param name="Threads">ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose (one per core).</param>
/// <param name="MaxTokens">Truncation length including [CLS] and [SEP]. 256 is what
/// all-MiniLM-L6-v2 was trained with; longer inputs only add cost.</param>
/// <param name="MaxWindows">A longer text is read in windows of <paramref name="MaxTokens"/> overlapping by half; at most
/// this many (evenly spread) per text, which bounds the cost of one text at 32 encodings (about 4,000 word pieces read
/// in full).</param>
public sealed record MiniLmOptions(int BatchSize = 32, int Threads = 0, int MaxTokens = 256, int MaxWindows = 32)
{
    internal void Validate()
    {
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be at least 1.");
        if (Threads < 0)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (automatic) or positive.");
        // The model's position embeddings stop at 512; 3 is the least that holds [CLS], one token and [SEP].
        if (MaxWindows < 2)
            throw new ArgumentOutOfRangeException(nameof(MaxWindows), MaxWindows, "Max windows must be at least 2.");
        if (MaxTokens is < 3 or > 512)
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "Max tokens must be between 3 and 512.");
    }
}
