using System;
using System.IO;
using IoctlSharp;
using Sample.Driver;

// For now the sample shows what IoctlSharp computed for its declarations on every target ABI, then talks to
// the real /dev/kvm through the generated wrappers. (The VMM grows here in a later issue.)

Console.WriteLine("Layouts IoctlSharp computed at compile time (size / alignment per target):");
PrintLayout<KvmUserspaceMemoryRegion>();
PrintLayout<UffdioApi>();
PrintLayout<PrivcmdMmapbatchV2>();

Console.WriteLine();
Console.WriteLine("Request numbers per target:");
PrintRequest("KVM_GET_API_VERSION", Kvm.Requests.GetApiVersion.For);
PrintRequest("KVM_CREATE_VM", Kvm.Requests.CreateVm.For);
PrintRequest("KVM_SET_USER_MEMORY_REGION", Kvm.Requests.SetUserMemoryRegion.For);
PrintRequest("IOCTL_PRIVCMD_MMAPBATCH_V2", Privcmd.Requests.MmapBatchV2.For);
PrintRequest("VBG_IOCTL_HGCM_CALL_64(64)", t => VbgIoctl.Requests.HgcmCall64.For(t, 64));

Console.WriteLine();
if (!File.Exists("/dev/kvm"))
{
    Console.Error.WriteLine("sample: /dev/kvm is not available on this machine; the KVM part cannot run.");
    return 1;
}

using var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
Console.WriteLine($"/dev/kvm: KVM_GET_API_VERSION = {Kvm.GetApiVersion(kvm)} (request 0x{Kvm.Requests.GetApiVersion.Native:X8} on {AbiTargets.Current?.CName()})");
Console.WriteLine($"/dev/kvm: KVM_CHECK_EXTENSION(KVM_CAP_USER_MEMORY) = {Kvm.CheckExtension(kvm, 3)}");
return 0;

static void PrintLayout<T>() where T : unmanaged, IAbiStruct<T>
{
    var native = AbiLayout.Native<T>();
    Console.Write($"  struct {native.CName,-30}");
    foreach (var target in AbiTargets.All)
    {
        var l = AbiLayout.Of<T>(target);
        Console.Write($" {target.CName()} {l.Size}/{l.Alignment}");
    }

    Console.WriteLine();
}

static void PrintRequest(string name, Func<AbiTarget, uint> number)
{
    Console.Write($"  {name,-32}");
    foreach (var target in AbiTargets.All)
        Console.Write($" {target.CName()} 0x{number(target):X8}");
    Console.WriteLine();
}
