using System.Security.Cryptography;
using System.Text;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace BeMore.Grains.Storage;

/// <summary>
/// Grain state at rest. Wraps Orleans' ADO.NET grain storage so the provider only ever sees sealed bytes: each state is
/// serialized by <paramref name="serializer"/>, then sealed with the event log's key ring (AES-256-GCM, the key id in
/// the blob so keys rotate), bound to (service id, state name, grain id) so a payload copied to another row does not
/// open. States in <paramref name="pseudonymousStates"/> belong to grains keyed by personal data (the email index):
/// their rows are keyed by a digest of the grain key instead of the key itself.
/// Rows written by an earlier version (plaintext payload, clear key) are read once and rewritten sealed at once, so
/// existing accounts and sessions keep their data and lose their plaintext on their first activation
/// (<see cref="EncryptionOptions.ReadLegacyPlaintext"/> turns this off once the migration is done).
/// </summary>
public sealed class SealedGrainStorage(
    IGrainStorage inner,
    IGrainStorageSerializer serializer,
    PayloadProtector protector,
    IActivatorProvider activators,
    string serviceId,
    IReadOnlySet<string> pseudonymousStates) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// Starts every sealed payload, and tells it from Orleans' own format (what earlier versions stored in the clear).
    /// A payload with this header that does not open is an error, never read as plaintext.
    /// </summary>
    private static readonly byte[] Magic = [0xB3, (byte)'B', (byte)'G', (byte)'S', 0x01];

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var rowIds = RowIds(stateName, grainId);
        foreach (var rowId in rowIds)
        {
            var row = new GrainState<StoredGrainPayload>();
            await inner.ReadStateAsync(stateName, rowId, row);
            if (!row.RecordExists || row.State?.Bytes is not { } bytes)
            {
                continue;
            }

            grainState.State = Open<T>(stateName, grainId, bytes, out var wasSealed);
            grainState.RecordExists = true;
            if (rowId == rowIds[0])
            {
                grainState.ETag = row.ETag;
                if (!wasSealed)
                {
                    await WriteStateAsync(stateName, grainId, grainState);
                }
            }
            else
            {
                // Stored under an older key digest or the clear key: move it under the current digest.
                grainState.ETag = null;
                await WriteStateAsync(stateName, grainId, grainState);
                await inner.ClearStateAsync(stateName, rowId, row);
            }

            return;
        }

        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var row = new GrainState<StoredGrainPayload>(new StoredGrainPayload { Bytes = Seal(stateName, grainId, grainState.State) })
        {
            ETag = grainState.ETag,
            RecordExists = grainState.RecordExists,
        };
        await inner.WriteStateAsync(stateName, RowIds(stateName, grainId)[0], row);
        grainState.ETag = row.ETag;
        grainState.RecordExists = row.RecordExists;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var row = new GrainState<StoredGrainPayload> { ETag = grainState.ETag, RecordExists = grainState.RecordExists };
        await inner.ClearStateAsync(stateName, RowIds(stateName, grainId)[0], row);
        grainState.ETag = row.ETag;
        grainState.RecordExists = row.RecordExists;
        grainState.State = activators.GetActivator<T>().Create();
    }

    /// <summary>Where the state may be stored, the current place first.</summary>
    private List<GrainId> RowIds(string stateName, GrainId grainId)
    {
        if (!pseudonymousStates.Contains(stateName))
        {
            return [grainId];
        }

        var digests = protector.Digests(stateName, grainId.Key.ToString()).Select(digest => GrainId.Create(grainId.Type, digest));
        return protector.ReadsLegacyPlaintext ? [.. digests, grainId] : [.. digests];
    }

    private byte[] Seal<T>(string stateName, GrainId grainId, T state)
    {
        var (keyId, sealedBytes) = protector.Protect(serializer.Serialize(state).ToMemory().Span, AssociatedData(stateName, grainId));
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        if (keyIdBytes.Length > byte.MaxValue)
        {
            throw new InvalidOperationException($"{EncryptionOptions.SectionName}:ActiveKeyId is longer than {byte.MaxValue} bytes.");
        }

        return [.. Magic, (byte)keyIdBytes.Length, .. keyIdBytes, .. sealedBytes];
    }

    private T Open<T>(string stateName, GrainId grainId, byte[] stored, out bool wasSealed)
    {
        wasSealed = stored.AsSpan().StartsWith(Magic);
        if (!wasSealed)
        {
            return protector.ReadsLegacyPlaintext
                ? serializer.Deserialize<T>(new BinaryData(stored))!
                : throw new CryptographicException(
                    $"A grain state is stored in the clear and {EncryptionOptions.SectionName}:{nameof(EncryptionOptions.ReadLegacyPlaintext)} is off.");
        }

        var rest = stored.AsSpan(Magic.Length);
        if (rest.IsEmpty || rest.Length < 1 + rest[0])
        {
            throw new CryptographicException("A sealed grain state is truncated.");
        }

        var keyId = Encoding.UTF8.GetString(rest.Slice(1, rest[0]));
        var plaintext = protector.Unprotect(keyId, rest[(1 + rest[0])..], AssociatedData(stateName, grainId));
        return serializer.Deserialize<T>(new BinaryData(plaintext))!;
    }

    private byte[] AssociatedData(string stateName, GrainId grainId) =>
        Encoding.UTF8.GetBytes($"grain-state\n{serviceId}\n{stateName}\n{grainId}");
}
