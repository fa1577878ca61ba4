using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The base of the review and version pages' component tests: <see cref="DatasetsPageTest"/> on <see cref="ReviewHarness"/>.</summary>
public abstract class ReviewPageTest(PostgresServer server) : DatasetsPageTest(server)
{
    protected ReviewHarness Harness { get; private set; } = null!;

    protected override async Task<ModuleServices> StartModuleAsync(PostgresServer postgres)
    {
        Harness = await ReviewHarness.CreateAsync(postgres);
        return Harness.Services;
    }
}
