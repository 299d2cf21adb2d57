namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.EmailIndexState")]
public sealed class EmailIndexState
{
    [Id(0)] public string? UserId { get; set; }
}
