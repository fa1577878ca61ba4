using Microsoft.Extensions.Options;

namespace Superapps.Signing.Features.Authority;

/// <summary>
/// The random secret that encrypts the CA's private keys, kept in a file (<c>ca-key-secret</c>) in
/// <see cref="SigningOptions.KeyDirectory"/>, created on first use. Never in the database, never in the repository.
/// </summary>
internal sealed class CaKeySecret(IOptions<SigningOptions> options)
{
    public const string FileName = "ca-key-secret";
    private readonly Lazy<string> _secret = new(() => LoadOrCreate(options.Value.KeyDirectory ?? Path.Combine(".data", "keys", "signing")));

    public string Value => _secret.Value;

    private static string LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            // Written in full to a private temporary file, then moved into place without overwriting: a second process
            // starting at the same time either wins the move or reads the winner's complete file.
            var temporary = Path.Combine(directory, $"{FileName}.{Guid.NewGuid():N}.tmp");
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, fileOptions))
            {
                writer.Write(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        var secret = File.ReadAllText(path).Trim();
        return secret.Length > 0 ? secret : throw new InvalidOperationException($"The CA key secret {path} is empty.");
    }
}
