using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Extraction;

namespace MMFuse.Tests.Features;

public sealed class FeaturePlanTests
{
    private static DatasetSchema Schema() => new(
        [new ColumnSchema("title", 0, ColumnRole.Text, ""), new ColumnSchema("body", 1, ColumnRole.Text, ""), new ColumnSchema("notes", 2, ColumnRole.Text, ""),
         new ColumnSchema("kind", 3, ColumnRole.Label, "")], "kind", TaskKind.Binary);

    [Fact]
    public void Each_text_column_gets_the_blocks_of_its_own_choice_and_the_model_file_keeps_them()
    {
        var choices = new ExtractorChoices(Text: ExtractorChoices.AutoText)
        {
            TextByColumn = new Dictionary<string, string> { ["title"] = "minilm", ["body"] = "tfidf" },
        };

        var plan = FeaturePlan.FromSchema(Schema(), null, choices);
        var back = FeaturePlan.FromJson(plan.ToJson());

        Assert.Equal(["title", "notes"], plan.Pretrained);
        Assert.Equal(["body", "notes"], plan.Tfidf);
        Assert.Equal(["notes"], plan.AutoText);
        Assert.Equal("body", plan.TfidfBlock("body"));
        Assert.Equal("notes:tfidf", plan.TfidfBlock("notes"));
        Assert.Equal(plan.Pretrained, back.Pretrained);
        Assert.Equal(plan.Tfidf, back.Tfidf);
        Assert.Equal("tfidf", back.Choices.TextFor("body"));
        Assert.Equal("auto", back.Choices.TextFor("notes"));
    }

    [Fact]
    public void A_plan_without_per_column_choices_writes_what_it_always_wrote()
    {
        var json = FeaturePlan.FromSchema(Schema(), null, new ExtractorChoices(Text: "minilm")).ToJson();

        Assert.Null(json["text_features_by_column"]);
        Assert.Equal("minilm", json["text_features"]!.GetValue<string>());
    }
}
