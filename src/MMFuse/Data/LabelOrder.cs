namespace MMFuse.Data;

/// <summary>The one order of class names used everywhere (reports, label maps, probability columns):
/// numerically when every class is a number, otherwise ordinal string order.</summary>
public static class LabelOrder
{
    /// <summary>The distinct <paramref name="classes"/> in that order.</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> classes)
    {
        var list = classes.ToList();
        var numbers = list.Select(c => ColumnProfile.TryParseNumber(c, out var v) ? v : (double?)null).ToList();
        if (numbers.All(n => n.HasValue))
            return list.Zip(numbers).OrderBy(p => p.Second!.Value).ThenBy(p => p.First, StringComparer.Ordinal).Select(p => p.First).ToList();
        return list.OrderBy(c => c, StringComparer.Ordinal).ToList();
    }
}
