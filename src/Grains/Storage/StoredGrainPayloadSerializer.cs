using Orleans.Storage;

namespace BeMore.Grains.Storage;

/// <summary>A grain-state row's payload as the ADO.NET provider sees it: bytes already sealed by <see cref="SealedGrainStorage"/>.</summary>
public sealed class StoredGrainPayload
{
    public byte[]? Bytes { get; set; }
}

/// <summary>The ADO.NET provider's serializer under <see cref="SealedGrainStorage"/>: passes the sealed bytes through untouched.</summary>
public sealed class StoredGrainPayloadSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => input is StoredGrainPayload { Bytes: { } bytes }
        ? new BinaryData(bytes)
        : throw new NotSupportedException($"Grain state reaches the database only sealed, through {nameof(SealedGrainStorage)}.");

    public T? Deserialize<T>(BinaryData input) => typeof(T) == typeof(StoredGrainPayload)
        ? (T)(object)new StoredGrainPayload { Bytes = input.ToArray() }
        : throw new NotSupportedException($"Grain state is read only through {nameof(SealedGrainStorage)}.");
}
