namespace Ops.Contracts.Residents;

/// <summary>One card number of a site, keyed <c>{siteId}/{CARD}</c> (upper case): which resident holds it.
/// A grain per card keeps the lookup on the hot path of a swipe off any site-wide bottleneck.</summary>
[Alias("ops.card-grain")]
public interface ICardGrain : IGrainWithStringKey
{
    [Alias("get-holder")]
    Task<string?> GetHolderAsync();

    /// <summary>Gives the card to a resident unless another active resident holds it;
    /// returns the holder after the call.</summary>
    [Alias("claim")]
    Task<string> ClaimAsync(string residentId);

    /// <summary>Releases the card if this resident holds it.</summary>
    [Alias("release")]
    Task ReleaseAsync(string residentId);
}
