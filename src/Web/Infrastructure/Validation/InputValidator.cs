using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

// The resolver API is marked "for evaluation" in .NET 10; it is what the minimal API's own validation filter calls,
// and sharing it is the point: one set of rules for REST and the hub.
#pragma warning disable ASP0029

namespace BeMore.Web.Infrastructure.Validation;

/// <summary>
/// Validates an input record outside model binding (the live hub's arguments) with the very metadata the minimal
/// API's validation reads for REST bodies: the .NET 10 validation source generator's, registered by
/// <c>AddValidation()</c>. A limit is written once, as an attribute on the record, and both doors enforce it.
/// </summary>
public sealed class InputValidator(IOptions<ValidationOptions> options, IServiceProvider services)
{
    /// <summary>
    /// Each type's metadata as the generated resolver first built it: the resolver builds it anew, with reflection, on
    /// every lookup. The REST validation filter looks it up once per endpoint; the hub would on every call.
    /// </summary>
    private readonly ConcurrentDictionary<Type, IValidatableInfo?> _infos = new();

    /// <summary>The errors by field (worded as REST reports them: <see cref="ValidationMessages"/>), or null when the value is valid.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> ValidateAsync<T>(T value, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        // Fail closed: a type the generator did not describe would otherwise pass unchecked.
        var info = _infos.GetOrAdd(typeof(T), type => options.Value.TryGetValidatableTypeInfo(type, out var found) ? found : null);
        if (info is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no generated validation metadata; use it in an endpoint or mark it [ValidatableType].");
        }

        var context = new ValidateContext
        {
            ValidationOptions = options.Value,
            ValidationContext = new ValidationContext(value, services, items: null),
        };
        await info.ValidateAsync(value, context, cancellationToken);
        return context.ValidationErrors is { Count: > 0 } errors ? ValidationMessages.ForClients(errors) : null;
    }
}
