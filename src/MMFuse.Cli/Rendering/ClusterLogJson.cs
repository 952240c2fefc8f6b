using System.Text.Json.Nodes;
using MMFuse.Cluster;

namespace MMFuse.Cli.Rendering;

/// <summary>A cluster run's log as JSON: every job answer (strategy, fold, worker, seconds), bytes shipped per worker, workers lost.</summary>
internal static class ClusterLogJson
{
    public static JsonObject Of(ClusterRunLog log) => new()
    {
        ["jobs"] = new JsonArray(log.Jobs.Select(j => (JsonNode)new JsonObject
        {
            ["strategy"] = j.Strategy,
            ["fold"] = j.Fold,
            ["worker"] = j.Worker,
            ["seconds"] = Math.Round(j.Seconds, 4),
            ["counted"] = j.Counted,
        }).ToArray()),
        ["bytes_shipped"] = new JsonObject(log.BytesShipped.OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => KeyValuePair.Create(b.Key, (JsonNode?)b.Value))),
        ["shipping_seconds"] = Math.Round(log.ShippingSeconds, 4),
        ["lost_workers"] = new JsonArray(log.LostWorkers.Select(w => (JsonNode)w).ToArray()),
    };
}
