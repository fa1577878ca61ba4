using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Superapps.Adapters.Proxy.IntegrationTests;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Benchmarks;

/// <summary>
/// The legacy app proxy (issue 7): the same request to the echo upstream directly and through the proxy, side by side in one run with N
/// concurrent clients (latency added at p50, throughput against direct), and the time from a catalogue change to the new route answering.
/// </summary>
internal static class ProxyBenchmark
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var clients = arguments.Int("clients", 16);
        var seconds = arguments.Double("seconds", 10);
        var warmup = arguments.Double("warmup", 2);
        var changes = arguments.Int("changes", 5);

        await using var upstream = await EchoUpstream.StartAsync();
        var bkpsdm = Guid.NewGuid();
        await using var proxy = await ProxyHarness.StartAsync(
        [
            new PublishedApp(Guid.NewGuid(), "echo", "Echo", AppStatus.Proxied, upstream.Url, IdentityMode.None, AppAccess.Public, "/health", 1024 * 1024, null),
            new PublishedApp(Guid.NewGuid(), "echo-signed", "Echo", AppStatus.Proxied, upstream.Url, IdentityMode.SignedHeaders, new AppAccess(false, [], [bkpsdm]), "/health", 1024 * 1024, null),
        ],
        // The product's defaults for the poll and the flush: the change latency is measured as it will be in production.
        settings => settings.Remove("Superapps:Proxy:RefreshInterval"));
        proxy.Directory.Set(apps => apps);
        await proxy.WaitForRoutesAsync();

        Claim[] user =
        [
            new("sub", "sub-rina"), new("preferred_username", "rina.wulandari"), new("name", "Rina Wulandari, S.Kom."),
            new("nip", "198703122010012001"), new("opd_id", bkpsdm.ToString()), new(ClaimTypes.Role, "admin-opd"),
        ];

        Console.WriteLine($"Proxy benchmark: {clients} concurrent clients, {seconds:0.#} s per scenario after {warmup:0.#} s of warm-up, {Environment.ProcessorCount} cores");
        var direct = await LoadAsync(new Uri(upstream.Url, "pegawai/123?tab=riwayat"), [], clients, seconds, warmup);
        var proxied = await LoadAsync(new Uri(proxy.Address, "apps/echo/pegawai/123?tab=riwayat"), [], clients, seconds, warmup);
        var signed = await LoadAsync(new Uri(proxy.Address, "apps/echo-signed/pegawai/123?tab=riwayat"), user, clients, seconds, warmup);

        var report = new StringBuilder();
        report.AppendLine("| Scenario | Requests | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | p50 added (ms) | Throughput vs direct |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, result) in new[] { ("Direct to the upstream", direct), ("Through the proxy, public app (no identity)", proxied), ("Through the proxy, signed-in user, SignedHeaders (ES256)", signed) })
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {result.Count} | {result.Throughput:0} | {result.P(0.50):0.00} | {result.P(0.95):0.00} | {result.P(0.99):0.00} | {result.P(0.50) - direct.P(0.50):0.00} | {result.Throughput / direct.Throughput:P0} |");
        }

        var waits = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            var slug = $"new-{i}";
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = proxy.Address };
            var clock = Stopwatch.StartNew();
            proxy.Directory.Set(apps => [.. apps, new PublishedApp(Guid.NewGuid(), slug, slug, AppStatus.Proxied, upstream.Url, IdentityMode.None, AppAccess.Public, "/health", 1024, null)]);
            while (true)
            {
                using var response = await client.GetAsync($"/apps/{slug}/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"The route {slug} did not answer within 30 s.");
                }

                await Task.Delay(10);
            }

            waits.Add(clock.Elapsed.TotalMilliseconds);
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Catalogue change to the new route answering ({changes} changes, poll every 2 s): min {waits.Min():0} ms, median {Percentile([.. waits.Order()], 0.5):0} ms, max {waits.Max():0} ms.");
        Console.WriteLine(report);
        if (arguments.Text("out") is { } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }

        return 0;
    }

    private static async Task<LoadResult> LoadAsync(Uri url, Claim[] user, int clients, double seconds, double warmup)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler);
        var headers = user.Select(c => $"{Uri.EscapeDataString(c.Type)}={Uri.EscapeDataString(c.Value)}").ToList();
        var measuring = Stopwatch.StartNew();
        var start = TimeSpan.FromSeconds(warmup);
        var end = start + TimeSpan.FromSeconds(seconds);
        var samples = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = new List<double>(100_000);
            while (measuring.Elapsed < end)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var header in headers)
                {
                    request.Headers.Add(TestSignIn.Header, header);
                }

                var began = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
                }

                if (measuring.Elapsed > start)
                {
                    mine.Add(elapsed);
                }
            }
        })));
        var all = samples.SelectMany(s => s).Order().ToArray();
        return new LoadResult(all, all.Length / seconds);
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private sealed record LoadResult(double[] Sorted, double Throughput)
    {
        public int Count => Sorted.Length;

        public double P(double q) => Percentile(Sorted, q);
    }
}
