using Superapps.Benchmarks;

// dotnet run -c Release --project tests/Superapps.Benchmarks -- <command> [options]; see docs/performance.md.
var command = args.Length > 0 ? args[0] : "help";
var arguments = new Arguments(args.Skip(1).ToList());
return command switch
{
    "generate" => await GenerateCommand.RunAsync(arguments),
    "run" => await InboxBenchmark.RunAsync(arguments, explain: false),
    "explain" => await InboxBenchmark.RunAsync(arguments, explain: true),
    "sign" => await SigningBenchmark.RunAsync(arguments),
    "tickets-generate" => await TicketQueueBenchmark.GenerateAsync(arguments),
    "tickets-run" => await TicketQueueBenchmark.RunAsync(arguments),
    "upload-validate" => await UploadValidationBenchmark.RunAsync(arguments),
    "upload-ingest" => await DatasetsBenchmark.IngestAsync(arguments),
    "compliance-dashboard" => await DatasetsBenchmark.DashboardAsync(arguments),
    "proxy" => await ProxyBenchmark.RunAsync(arguments),
    _ => Help(),
};

static int Help()
{
    Console.WriteLine("""
        Superapps letters benchmark (docs/performance.md)
          generate [--letters 1000000] [--dispositions-per-letter 5] [--seed 20261123] [--data-dir DIR] [--force]
              Fills a private PostgreSQL cluster under artifacts/benchmark-db (kept between runs) with the Letters migrations and generated letters.
          run [--iterations 200] [--warmup 20] [--budget-seconds 20] [--only NAME] [--data-dir DIR] [--out FILE]
              Calls the real InboxQueries for each scenario and prints p50/p95/p99/max per scenario (markdown);
              a scenario stops after its time budget once it has 20 measured calls.
          explain [--only NAME] [--data-dir DIR]
              Writes EXPLAIN (ANALYZE, BUFFERS) of every SQL statement of each scenario to artifacts/benchmark-plans/.
          sign [--iterations 100] [--warmup 10] [--out FILE]
              Renders and signs a two-page letter through the real renderer and IDocumentSigner (city CA) on a private
              PostgreSQL with the demo city, and prints p50/p95/p99/max of each step (markdown).
          tickets-generate [--tickets 200000] [--seed 20261123] [--data-dir DIR] [--force]
              Fills a private PostgreSQL cluster under artifacts/benchmark-tickets-db with the Tickets migrations and generated tickets.
          tickets-run [--iterations 200] [--warmup 20] [--only NAME] [--data-dir DIR] [--out FILE]
              Calls the real TicketQueue for each scenario (lead and technician) and prints p50/p95/p99/max (markdown).
          upload-validate [--rows 100000] [--iterations 5] [--out FILE]
              Streams a generated CSV through the real UploadValidator (Datasets) and prints the times and the extra peak memory (markdown).
          upload-ingest [--rows 100000] [--iterations 3] [--data-dir DIR] [--out FILE]
              Uploads a generated CSV through the real DatasetUploads (validation and binary COPY into PostgreSQL, one transaction) on a
              fresh database under artifacts/benchmark-datasets-db, and prints the times and the extra peak memory (markdown).
          compliance-dashboard [--agencies 40] [--datasets 1000] [--periods 24] [--iterations 200] [--warmup 20] [--data-dir DIR] [--out FILE]
              Seeds datasets with versions for their last periods and times the real ComplianceQueries (dashboard, drill-down): p50/p95/p99/max.
          proxy [--clients 16] [--rounds 4] [--seconds 10] [--warmup 2] [--changes 5] [--out FILE]
              The same request to a loopback echo app directly, through YARP alone (reference) and through the legacy app proxy (public,
              and signed-in with the ES256 assertion), in turn for each round: throughput, CPU per request, p50/p95/p99 and the latency
              added; then the time from a catalogue change to the new route.
        """);
    return 1;
}
