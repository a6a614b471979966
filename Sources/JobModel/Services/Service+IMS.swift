extension Service {
    /// Image Management Service jobs (docs/api/SERVICES.md §3): `process_percent` is a fraction, times
    /// may read `04-Jun-2015 18:11:06:586`.
    public static let ims = Service(
        name: "ims", tag: "IMS", title: "Image Management Service", hostPrefix: "ims",
        kinds: [
            "imsCreateImageByInstance": Kind("image from server", minutes: 10),
            "createImageByInstance": Kind("image from server", minutes: 10),
            "imsImportImageJob": Kind("import image", minutes: 20),
            "imsImportOvaImageJob": Kind("import OVA image", minutes: 20),
            "imsVolumeCreateImageJob": Kind("image from data disk", minutes: 10),
            "imsVolumesToSysDataImagesJob": Kind("data-disk image", minutes: 10),
            "imsImportDataImageJob": Kind("import data image", minutes: 20),
            "imsCreateWholeImageByInstanceJob": Kind("full-server image", minutes: 20),
            "imsCreateWholeImageByBackupJob": Kind("full-server image from backup", minutes: 20),
            "imsNativeImportImageJob": Kind("register image", minutes: 10),
            "imsNativeExportImageJob": Kind("export image", minutes: 20),
            "imsAddImageMembersJob": Kind("share image", minutes: 1),
            "imsDelImageMembersJob": Kind("unshare image", minutes: 1),
            "imsUpdateImageMembersJob": Kind("update image members", minutes: 1),
            "imsCopyImageInRegionJob": Kind("copy image", minutes: 10),
            "imsCrossRegionCopyImageJob": Kind("copy image to region", minutes: 30),
            "imsCopyImageCrossUserJob": Kind("copy image to region", minutes: 30),
        ],
        typicalDuration: 10 * 60
    )
}
