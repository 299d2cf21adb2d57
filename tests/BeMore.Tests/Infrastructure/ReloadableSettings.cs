using Microsoft.Extensions.Configuration;

namespace BeMore.Tests.Infrastructure;

/// <summary>A configuration source a test changes while the server runs; each change reloads it like an edited file.</summary>
public sealed class ReloadableSettings : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Sets the list under <paramref name="key"/> to <paramref name="values"/> (an empty list removes it) and reloads.</summary>
    public void Replace(string key, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = key + ConfigurationPath.KeyDelimiter;
        foreach (var existing in Data.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Data.Remove(existing);
        }

        for (var i = 0; i < values.Count; i++)
        {
            Data[prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = values[i];
        }

        OnReload();
    }
}
