using static MMFuse.Features.Augmentation.AugmentationRandom;

namespace MMFuse.Features.Augmentation;

/// <summary>Word dropout then adjacent-word swaps (two of EDA's operations; no synonym lists needed).</summary>
internal sealed class TextAugmenter
{
    private readonly TextAugmentationOptions _o;

    public TextAugmenter(TextAugmentationOptions options)
    {
        _o = options;
        CheckProbability(options.WordDropout, nameof(options.WordDropout));
        CheckProbability(options.SwapProbability, nameof(options.SwapProbability));
    }

    /// <summary>Never returns an empty text: when dropout would remove every word, one of them (chosen at random) stays.</summary>
    public string Augment(string text, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new ArgumentException("The text has no words to augment.", nameof(text));

        var kept = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (!Chance(random, _o.WordDropout))
                kept.Add(word);
        }
        if (kept.Count == 0)
            kept.Add(words[random.Next(words.Length)]);

        for (var i = 0; i + 1 < kept.Count; i++)
        {
            if (Chance(random, _o.SwapProbability))
            {
                (kept[i], kept[i + 1]) = (kept[i + 1], kept[i]);
                i++; // the moved word is not swapped again
            }
        }
        return string.Join(' ', kept);
    }
}
