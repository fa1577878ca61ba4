using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using Superapps.LocalDev;

// Superapps development host: one command from a fresh clone to a running portal with the demo city.
var root = DevStackOptions.FindRepositoryRoot();
var data = Path.Combine(root, ".data");
var portalPort = Port("SUPERAPPS_PORTAL_PORT", 5080);
var identityPort = Port("SUPERAPPS_IDENTITY_PORT", 5081);
var legacyDemoPort = Port("SUPERAPPS_LEGACY_DEMO_PORT", 5082);

using var stop = new CancellationTokenSource();
// Ctrl-C, a terminal closing or a plain `kill`: stop the services and the cluster before exiting.
var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
    .Select(signal => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    }))
    .ToList();

var secrets = DevSecrets.LoadOrCreate(data);
LocalPostgresCluster? cluster = null;
var connectionString = Environment.GetEnvironmentVariable("SUPERAPPS_CONNECTION_STRING");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.WriteLine("Starting the private PostgreSQL cluster in .data/postgres ...");
    cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(Path.Combine(data, "postgres")), cancellationToken: stop.Token);
    await cluster.EnsureDatabaseAsync("superapps", cancellationToken: stop.Token);
    connectionString = cluster.ConnectionString("superapps");
}
else
{
    Console.WriteLine("Using the database from SUPERAPPS_CONNECTION_STRING.");
}

DevStack? stack = null;
try
{
    Console.WriteLine("Starting identity, portal and the demo legacy app (migrations and demo data on first run) ...");
    stack = await DevStack.StartAsync(
        new DevStackOptions(root, connectionString, data, portalPort, identityPort, secrets.PortalClientSecret, secrets.DemoPassword)
        {
            PortalSettings = new Dictionary<string, string>
            {
                ["Superapps__Letters__SeedDemoLetters"] = "true",
                ["Superapps__Datasets__SeedDemoDatasets"] = "true",
                ["Superapps__AppCatalog__SeedDemoCatalogue"] = "true",
                // The legacy letters adapter on the small demo export (docs/samples/legacy-letters-export): "Jalankan sekarang" on /aplikasi/adaptor.
                ["Superapps__Adapters__LegacyLetters__Enabled"] = "true",
                ["Superapps__Adapters__LegacyLetters__ExportDirectory"] = Path.Combine(root, "docs", "samples", "legacy-letters-export"),
                // The network monitor pulls the demo legacy app's feed (DevStack passes its address).
                ["Superapps__Adapters__NetworkMonitor__Enabled"] = "true",
            },
            LegacyDemoPort = legacyDemoPort,
            LegacyDemoClientSecret = secrets.LegacyDemoClientSecret,
        },
        line => Console.WriteLine(line),
        stop.Token);

    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync(stop.Token);
    Console.WriteLine();
    Console.WriteLine($"Portal: {stack.PortalUrl}");
    Console.WriteLine($"Identity: {stack.IdentityUrl}");
    Console.WriteLine($"Demo legacy app (SIMPEG Lama): {stack.LegacyDemoUrl} (through the portal: {stack.LegacyDemoProxiedUrl})");
    Console.WriteLine();
    Console.WriteLine($"Demo logins (password for all: {secrets.DemoPassword}):");
    foreach (var login in await DemoLogins.ReadAsync(connection, stop.Token))
    {
        Console.WriteLine($"  {login.Role,-28} {login.UserName,-32} {login.Name} — {login.Position}");
    }

    Console.WriteLine();
    Console.WriteLine("The full list is in docs/demo-logins.md. Press Ctrl-C to stop.");
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("Stopping ...");
}
finally
{
    if (stack is not null)
    {
        await stack.DisposeAsync();
    }

    if (cluster is not null)
    {
        await cluster.StopAsync();
    }

    signals.ForEach(s => s.Dispose());
    Console.WriteLine("Stopped.");
}

static int Port(string variable, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : fallback;
