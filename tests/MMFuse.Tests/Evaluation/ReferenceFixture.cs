using System.Text.Json;

namespace MMFuse.Tests.Evaluation;

/// <summary>Reads the scikit-learn reference fixtures under Fixtures/evaluation (written by tools/reference/*.py).</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("evaluation", file))).RootElement;

    /// <summary>The names of the <c>classification</c> cases, for a theory.</summary>
    public static TheoryData<string> ClassificationCases(JsonElement reference)
    {
        var data = new TheoryData<string>();
        foreach (var c in reference.GetProperty("classification").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>A classification case by name, with its probability rows and labels.</summary>
    public static (JsonElement Case, float[][] Probabilities, int[] Labels, int Classes) Classification(JsonElement reference, string name)
    {
        var c = reference.GetProperty("classification").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var probabilities = c.GetProperty("probabilities").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()).ToArray();
        return (c, probabilities, Ints(c.GetProperty("labels")), c.GetProperty("classes").GetInt32());
    }

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
}
