using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BeMore.Tests.Infrastructure;

/// <summary>A self-signed certificate for server and client authentication, saved as a password-protected .pfx.</summary>
public sealed class ClusterCertificate : IDisposable
{
    private ClusterCertificate(X509Certificate2 certificate, string path, string password)
    {
        Certificate = certificate;
        Path = path;
        Password = password;
    }

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    public string Password { get; }

    public static ClusterCertificate Create(string folder, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var path = System.IO.Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, password));
        return new ClusterCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, password), path, password);
    }

    public void Dispose() => Certificate.Dispose();
}
