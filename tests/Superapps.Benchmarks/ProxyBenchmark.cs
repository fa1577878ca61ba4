using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Superapps.Adapters.Proxy.IntegrationTests;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Benchmarks;

/// <summary>
/// The legacy app proxy (issue 7): the same request to the echo upstream directly, through YARP alone and through the proxy, in turn in one run with N
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
        var rounds = arguments.Int("rounds", 4);

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

        await using var yarp = await BareYarp.StartAsync(upstream.Url);
        (string Name, Uri Url, Claim[] User)[] scenarios =
        [
            ("Direct to the upstream", new Uri(upstream.Url, "pegawai/123?tab=riwayat"), []),
            ("YARP alone, no portal pipeline (reference)", new Uri(yarp.Address, "bare/pegawai/123?tab=riwayat"), []),
            ("Through the proxy, public app (no identity)", new Uri(proxy.Address, "apps/echo/pegawai/123?tab=riwayat"), []),
            ("Through the proxy, signed-in user, SignedHeaders (ES256)", new Uri(proxy.Address, "apps/echo-signed/pegawai/123?tab=riwayat"), user),
        ];

        // Rounds: every scenario runs once per round, in turn, so that a slower minute of the machine falls on all of them alike. The
        // throughput against direct is the median of the rounds' ratios (each against the same round's direct run); the latencies and
        // the CPU per request are over all rounds.
        Console.WriteLine($"Proxy benchmark: {clients} concurrent clients, {rounds} rounds of {seconds:0.#} s per scenario after {warmup:0.#} s of warm-up, {Environment.ProcessorCount} cores");
        var results = scenarios.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts one scenario later: over as many rounds as scenarios, each runs once in every position of a round.
            for (var k = 0; k < scenarios.Length; k++)
            {
                var i = (k + round) % scenarios.Length;
                results[i].Add(await LoadAsync(scenarios[i].Url, scenarios[i].User, clients, seconds, warmup));
            }
        }

        var directP50 = Percentile([.. results[0].SelectMany(r => r.Sorted).Order()], 0.5);
        var report = new StringBuilder();
        report.AppendLine("| Scenario | Requests | Throughput (req/s, median of rounds) | CPU per request (µs: client, proxy and app in one process) | p50 (ms) | p95 (ms) | p99 (ms) | p50 added (ms) | Throughput vs direct (median of rounds) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < scenarios.Length; i++)
        {
            var runs = results[i];
            var all = runs.SelectMany(r => r.Sorted).Order().ToArray();
            var throughput = Percentile([.. runs.Select(r => r.Throughput).Order()], 0.5);
            var ratio = Percentile([.. runs.Select((r, k) => r.Throughput / results[0][k].Throughput).Order()], 0.5);
            var cpu = runs.Sum(r => r.CpuMicroseconds) / runs.Sum(r => r.Count);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {scenarios[i].Name} | {all.Length} | {throughput:0} | {cpu:0.0} | {Percentile(all, 0.50):0.00} | {Percentile(all, 0.95):0.00} | {Percentile(all, 0.99):0.00} | {Percentile(all, 0.50) - directP50:0.00} | {ratio:P0} |");
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
        var process = Process.GetCurrentProcess();
        var cpuAtStart = TimeSpan.Zero;
        var measuring = Stopwatch.StartNew();
        var start = TimeSpan.FromSeconds(warmup);
        var end = start + TimeSpan.FromSeconds(seconds);
        var samples = new List<double>[clients];
        var startCpu = Task.Run(async () =>
        {
            await Task.Delay(start);
            process.Refresh();
            cpuAtStart = process.TotalProcessorTime;
        });
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
        await startCpu;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuAtStart).TotalMicroseconds;
        var all = samples.SelectMany(s => s).Order().ToArray();
        return new LoadResult(all, all.Length / seconds, cpu);
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <param name="CpuMicroseconds">The process's CPU time while measuring: the client, the proxy and the app are all in this process.</param>
    private sealed record LoadResult(double[] Sorted, double Throughput, double CpuMicroseconds)
    {
        public int Count => Sorted.Length;
    }
}
