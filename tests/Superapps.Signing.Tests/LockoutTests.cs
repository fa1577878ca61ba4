using Superapps.Signing.Domain;

namespace Superapps.Signing.Tests;

public sealed class LockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 4, false)]
    [InlineData(2, 3, false)]
    [InlineData(3, 2, false)]
    [InlineData(4, 1, false)]
    [InlineData(5, 0, true)]
    public void Wrong_passphrases_count_down_and_the_fifth_locks(int wrong, int left, bool locked)
    {
        var signer = new SignerState(Guid.NewGuid());
        var remaining = -1;
        for (var i = 0; i < wrong; i++)
        {
            remaining = signer.RegisterFailure(Start);
        }

        remaining.ShouldBe(left);
        signer.IsLocked(Start).ShouldBe(locked);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    [InlineData(60, false)]
    public void A_lock_lasts_fifteen_minutes(int minutesLater, bool locked)
    {
        var signer = new SignerState(Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            signer.RegisterFailure(Start);
        }

        signer.IsLocked(Start.AddMinutes(minutesLater)).ShouldBe(locked);
    }

    [Fact]
    public void A_correct_passphrase_resets_the_count()
    {
        var signer = new SignerState(Guid.NewGuid());
        signer.RegisterFailure(Start);
        signer.RegisterFailure(Start);
        signer.RegisterSuccess();
        signer.RegisterFailure(Start).ShouldBe(4);
    }

    [Fact]
    public void After_a_lock_ends_the_count_starts_again()
    {
        var signer = new SignerState(Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            signer.RegisterFailure(Start);
        }

        signer.RegisterFailure(Start.AddMinutes(16)).ShouldBe(4);
        signer.IsLocked(Start.AddMinutes(16)).ShouldBeFalse();
    }
}
