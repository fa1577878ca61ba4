using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Data;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Numbering;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>Outgoing numbers under real concurrency on PostgreSQL: no duplicates, no gaps, void numbers kept.</summary>
public sealed class NumberingConcurrencyTests(PostgresServer server) : IAsyncLifetime
{
    private DraftingWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await DraftingWorld.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Twenty_drafts_sent_to_the_signer_at_once_get_sequences_1_to_20_once_and_a_returned_one_leaves_a_void_number_not_a_hole()
    {
        // The Kepala drafts and signs: no reviewers, so submitting sends each draft straight to the signer and reserves a number.
        var kepala = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Kepala));
        var input = await _world.NotaDinasAsync(_world.Kepala.PositionId, reviewers: [], signer: _world.Kepala.PositionId);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(kepala, input, Ct)));
        }

        var versions = new Dictionary<Guid, uint>();
        foreach (var id in ids)
        {
            versions[id] = (await _world.LoadAsync(id)).Version;
        }

        using var start = new ManualResetEventSlim(false);
        var submissions = ids.Select(id => Task.Run(async () =>
        {
            start.Wait(Ct);
            await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().SubmitAsync(kepala, id, versions[id], Ct));
        }, Ct)).ToList();
        start.Set();
        await Task.WhenAll(submissions);

        await using var scope = _world.Module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var register = await db.LetterNumbers.AsNoTracking().Where(n => n.AgencyId == _world.Agency).OrderBy(n => n.Sequence).ToListAsync(Ct);
        register.Select(n => n.Sequence).ShouldBe(Enumerable.Range(1, 20));
        register.Select(n => n.OutgoingLetterId).ShouldBe(ids, ignoreOrder: true);
        register.ShouldAllBe(n => n.Status == LetterNumberStatus.Reserved);
        var letters = await db.OutgoingLetters.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(Ct);
        letters.Select(l => l.Number).Distinct().Count().ShouldBe(20);
        letters.ShouldAllBe(l => l.State == OutgoingLetterState.AwaitingSignature);

        // The signer returns one, the drafter abandons it: its number is void, with the reason; the next draft gets 21.
        var returned = ids[7];
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().ReturnAsync(kepala, returned, "Tidak jadi dikirim", (await _world.LoadAsync(returned)).Version, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().AbandonAsync(kepala, returned, (await _world.LoadAsync(returned)).Version, Ct));
        var next = await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(kepala, input, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(kepala, next, (await _world.LoadAsync(next)).Version, Ct));

        var after = await db.LetterNumbers.AsNoTracking().Where(n => n.AgencyId == _world.Agency).OrderBy(n => n.Sequence).ToListAsync(Ct);
        after.Select(n => n.Sequence).ShouldBe(Enumerable.Range(1, 21));
        var voided = after.Single(n => n.OutgoingLetterId == returned);
        voided.Status.ShouldBe(LetterNumberStatus.Void);
        voided.Reason!.ShouldContain("Tidak jadi dikirim");
        after.Single(n => n.OutgoingLetterId == next).Sequence.ShouldBe(21);
        (await _world.LoadAsync(returned)).State.ShouldBe(OutgoingLetterState.Abandoned);
    }
}
