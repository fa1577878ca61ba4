using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Superapps.LocalDev;

/// <summary>
/// A private PostgreSQL cluster kept in a folder and served on 127.0.0.1 only.
/// Used by the development host (data kept between runs) and by tests (a throw-away folder).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When this process is root, the server binaries run as the
/// <c>postgres</c> system user (or <c>nobody</c>) through <c>runuser</c>, and the folder is handed to that user.
/// </remarks>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "superapps";
    private readonly LocalPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _binDirectory;
    private readonly string? _runAsUser;

    private LocalPostgresCluster(LocalPostgresOptions options, ILogger logger, string binDirectory, string? runAsUser, int port, string password)
    {
        _options = options;
        _logger = logger;
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>A connection string for a database in this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var bin = FindBinDirectory();
        var runAs = Environment.UserName == "root" ? FindServiceUser() : null;

        var clusterDir = Path.GetFullPath(options.DataDirectory);
        var pgData = Path.Combine(clusterDir, "data");
        var passwordFile = Path.Combine(clusterDir, "password");
        var portFile = Path.Combine(clusterDir, "port");
        Directory.CreateDirectory(clusterDir);

        string password;
        if (File.Exists(passwordFile))
        {
            password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        }
        else
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await WriteSecretFileAsync(passwordFile, password, cancellationToken);
        }

        int port = options.Port ?? (File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile, cancellationToken), out var saved) && IsPortFree(saved) ? saved : FreePort());
        await File.WriteAllTextAsync(portFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

        var cluster = new LocalPostgresCluster(options with { DataDirectory = clusterDir }, logger, bin, runAs, port, password);
        await cluster.InitAndStartAsync(pgData, passwordFile, cancellationToken);
        return cluster;
    }

    private string PgData => Path.Combine(_options.DataDirectory, "data");

    private async Task InitAndStartAsync(string pgData, string passwordFile, CancellationToken cancellationToken)
    {
        if (_runAsUser is not null)
        {
            await RunAsync("chown", ["-R", $"{_runAsUser}:", _options.DataDirectory], asServiceUser: false, cancellationToken);
        }

        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            _logger.LogInformation("Creating a PostgreSQL cluster in {Directory}", pgData);
            await RunAsync(Path.Combine(_binDirectory, "initdb"),
                ["-D", pgData, "-U", SuperUser, "--pwfile", passwordFile, "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                asServiceUser: true, cancellationToken);
        }

        var settings = new List<string>
        {
            "listen_addresses='127.0.0.1'",
            $"port={Port}",
            "unix_socket_directories=''",
            "max_connections=300",
            "shared_buffers=128MB",
            "timezone='UTC'",
            "log_timezone='UTC'",
        };
        if (_options.Ephemeral)
        {
            // Test clusters trade durability for speed: the folder is thrown away afterwards.
            settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
        }

        // Later lines win: a caller may raise shared_buffers for a large data set, for instance.
        settings.AddRange(_options.Settings ?? []);

        await File.WriteAllLinesAsync(Path.Combine(pgData, "postgresql.auto.conf"), settings, cancellationToken);
        if (_runAsUser is not null)
        {
            await RunAsync("chown", [$"{_runAsUser}:", Path.Combine(pgData, "postgresql.auto.conf")], asServiceUser: false, cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            _logger.LogInformation("PostgreSQL is already running for {Directory}; stopping the stale server first", pgData);
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", pgData, "-m", "fast", "-w", "stop"], asServiceUser: true, cancellationToken);
        }

        var log = Path.Combine(_options.DataDirectory, "postgres.log");
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", pgData, "-l", log, "-w", "-t", "60", "start"], asServiceUser: true, cancellationToken);
        _logger.LogInformation("PostgreSQL listening on 127.0.0.1:{Port}", Port);
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(PgData, "postmaster.pid")))
        {
            return false;
        }

        var result = await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", PgData, "status"], asServiceUser: true, cancellationToken, throwOnError: false);
        return result == 0;
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        var sql = $"CREATE DATABASE \"{database}\"" + (template is null ? string.Empty : $" TEMPLATE \"{template}\"");
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", PgData, "-m", _options.Ephemeral ? "immediate" : "fast", "-w", "stop"], asServiceUser: true, CancellationToken.None, throwOnError: false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_options.Ephemeral)
        {
            try
            {
                Directory.Delete(_options.DataDirectory, recursive: true);
            }
            catch (IOException ex)
            {
                _logger.LogWarning(ex, "Could not delete {Directory}", _options.DataDirectory);
            }
        }
    }

    private async Task<int> RunAsync(string file, IReadOnlyList<string> arguments, bool asServiceUser, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser && _runAsUser is not null)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", _runAsUser, "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return process.ExitCode;
    }

    private static async Task WriteSecretFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, content, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string FindServiceUser()
    {
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("SUPERAPPS_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var best = Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return best.Dir;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql-15) or set SUPERAPPS_PG_BIN.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <param name="DataDirectory">The folder that holds the cluster, its password and its log.</param>
/// <param name="Port">A fixed port, or null to reuse the last one (or pick a free one).</param>
/// <param name="Ephemeral">A test cluster: no fsync, stopped at once and deleted when disposed.</param>
/// <param name="Settings">Extra <c>name=value</c> server settings, written after the defaults.</param>
public sealed record LocalPostgresOptions(string DataDirectory, int? Port = null, bool Ephemeral = false, IReadOnlyList<string>? Settings = null);
