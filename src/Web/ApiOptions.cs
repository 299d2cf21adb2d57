namespace BeMore.Web;

/// <summary>Settings of the HTTP surface (<c>BeMore:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "BeMore:Api";

    /// <summary>Serve <c>/openapi/v1.json</c> and the Scalar UI; on in Development by default.</summary>
    public bool ExposeDocs { get; set; }
}
