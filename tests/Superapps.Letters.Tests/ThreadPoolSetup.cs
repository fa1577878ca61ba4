using System.Runtime.CompilerServices;

namespace Superapps.Letters.Tests;

/// <summary>
/// This assembly runs component tests next to PDF rendering and external tools (qpdf, pdftotext) in parallel; on a 2-core
/// machine the thread pool's slow growth can starve bUnit's renderer. Start it with a few threads per core.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), io);
    }
}
