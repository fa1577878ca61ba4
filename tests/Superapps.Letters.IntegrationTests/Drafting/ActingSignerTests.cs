using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Signing;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Features.Administration;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>While the Kepala's position is vacant, its Plt signs, and the letter says "Plt." before the title.</summary>
public sealed class ActingSignerTests(PostgresServer server) : IAsyncLifetime
{
    private DraftingWorld _world = null!;
    private Guid _plt;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await DraftingWorld.CreateAsync(server);
        _plt = DraftingWorld.HolderOf(_world.Kabid);
        var today = Wib.Today(_world.Clock);
        await _world.WithAsync(async sp =>
        {
            var administration = sp.GetRequiredService<OrganizationAdministration>();
            await administration.SetEmployeeActiveAsync(AdminScope.City, DraftingWorld.HolderOf(_world.Kepala), false, Ct);
            await administration.AssignActingAsync(AdminScope.City, new ActingInput(_plt, _world.Kepala.PositionId, HoldingKind.Plt, today, today.AddDays(30), "800/2/2026"), Ct);
        });
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_Plt_of_the_Kepala_signs_as_Plt_and_the_signature_block_says_so()
    {
        var staf = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Staf));
        var input = await _world.NotaDinasAsync(_world.Staf.PositionId, reviewers: [], signer: _world.Kepala.PositionId);
        var id = await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(staf, input, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(staf, id, (await _world.LoadAsync(id)).Version, Ct));
        var plt = await _world.ViewerAsync(_plt);
        plt.PositionIds.ShouldContain(_world.Kepala.PositionId);

        var view = await _world.WithAsync(sp => sp.GetRequiredService<DraftQueries>().GetAsync(plt, id, Ct));
        view.Actions.Sign.ShouldBeTrue();
        await _world.WithAsync(async sp => await sp.GetRequiredService<OutgoingLetterSigning>().SignAsync(plt, id, FakeSigner.Passphrase, (await _world.LoadAsync(id)).Version, Ct));

        var signed = await _world.LoadAsync(id);
        signed.State.ShouldBe(OutgoingLetterState.Sent);
        signed.SignedByTitle.ShouldBe($"Plt. {_world.Kepala.Title}");
        signed.SignedByEmployeeId.ShouldBe(_plt);
        signed.Steps.Single(s => s.Action == DraftStepAction.Signed).Holding.ShouldBe(HoldingKind.Plt);
        var document = _world.Renderer.Documents[^1];
        document.Signature.Title.ShouldBe($"Plt. {_world.Kepala.Title}");
        document.Signature.Name.ShouldBe(plt.Name);
        _world.Signer.Requests.ShouldHaveSingleItem().Document.SignerTitle.ShouldStartWith("Plt. ");
        var nip = await _world.WithAsync(sp => sp.GetRequiredService<OrganizationDbContext>().Employees.Where(e => e.Id == _plt).Select(e => e.Nip).SingleAsync(Ct));
        document.Signature.Nip.ShouldBe(nip);

        // The Plt signs with their own pangkat (the Kabid's IV/b), under the title of the position they act for.
        document.Signature.Rank.ShouldBe("Pembina Tingkat I (IV/b)");
        SignedPdfText.ShouldAppearInOrder(SignedPdfText.Of(document), $"Plt. {_world.Kepala.Title},", plt.Name, "Pembina Tingkat I (IV/b)", $"NIP. {nip}");
    }
}
