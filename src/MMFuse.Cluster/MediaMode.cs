namespace MMFuse.Cluster;

/// <summary>How a worker gets the media of an extraction shard (<c>--media</c>).</summary>
public enum MediaMode
{
    /// <summary>The client reads the files and streams their bytes with the shard (chunked, verified by hash): workers need no access to the data.</summary>
    Stream,

    /// <summary>Workers read the files themselves from a folder every machine mounts at the same path; only paths inside the
    /// manifest's folder are sent, and a worker reads only inside the folders it was started with (<c>--shared-media</c>).</summary>
    Shared,
}
