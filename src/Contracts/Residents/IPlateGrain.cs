namespace Ops.Contracts.Residents;

/// <summary>One plate of a site, keyed <c>{siteId}/{PLATE}</c> (normalised): which resident holds it.
/// Plates are indexed the way cards are (<see cref="ICardGrain"/>), so that a plate belongs to at most
/// one active resident of a site.</summary>
[Alias("ops.plate-grain")]
public interface IPlateGrain : IGrainWithStringKey
{
    [Alias("get-holder")]
    Task<string?> GetHolderAsync();

    /// <summary>Gives the plate to a resident unless another active resident holds it.</summary>
    [Alias("claim")]
    Task<HolderClaim> ClaimAsync(string residentId);

    /// <summary>Releases the plate if this resident holds it, back to <paramref name="restoreTo"/> (a claim undone) or to nobody.</summary>
    [Alias("release")]
    Task ReleaseAsync(string residentId, string? restoreTo = null);

    /// <summary>Goes back to storage once idle: an import's claims are done with it (<see cref="IResidentGrain.ImportAsync"/>).</summary>
    [Orleans.Concurrency.OneWay, Alias("rest")]
    Task RestAsync();
}
