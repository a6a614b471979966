#!/usr/bin/env python3
"""Calls the simulator through Huawei Cloud's official Python SDKs and prints, as one JSON
object, what each SDK parsed (or the error it raised). Run by SDKConformanceTests with the
SDKs in a venv; by hand:

    scripts/sdk-check.py http://127.0.0.1:PORT AK SK PROJECT_ID < ask.json

`ask.json` names what to ask: {"jobs": {"bms": ID, "ecs": ID, "evs": ID, "ims": ID,
"vpc": ID, "cce": ID}, "servers": [ID, ...], "made_up_servers": [ID, ...],
"bare_metal_server": ID, "volume": ID}. The output also holds the SDKs' versions, and one
job query signed with a wrong secret key (which the simulator must refuse).

Every client is pointed at the one endpoint given (loopback): the SDKs never pick a
region's host, so nothing here can reach a real cloud.
"""
import json
from importlib import metadata
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials

from sdk_calls import loopback_http_config, recorder

from huaweicloudsdkbms.v1 import BmsClient, ListBareMetalServerDetailsRequest, ListBareMetalServersRequest, ShowJobInfosRequest
from huaweicloudsdkcce.v3 import CceClient, ShowJobRequest as CceShowJob
from huaweicloudsdkecs.v2 import EcsClient, ListServersDetailsRequest, ShowServerRequest, ShowJobRequest as EcsShowJob
from huaweicloudsdkeip.v2 import EipClient, ShowResourcesJobDetailRequest
from huaweicloudsdkevs.v2 import EvsClient, ListVolumesRequest, ShowVolumeRequest, ShowJobRequest as EvsShowJob
from huaweicloudsdkims.v2 import ImsClient, ShowJobProgressRequest, ShowJobRequest as ImsShowJob


def main():
    endpoint, ak, sk, project = sys.argv[1:5]
    config = loopback_http_config(endpoint, "sdk-check")
    ask = json.load(sys.stdin)

    def client(cls):
        return (cls.new_builder()
                .with_http_config(config)
                .with_credentials(BasicCredentials(ak, sk, project))
                .with_endpoints([endpoint])
                .build())

    bms, cce, ecs, eip, evs, ims = (client(c) for c in (BmsClient, CceClient, EcsClient, EipClient, EvsClient, ImsClient))
    jobs = ask["jobs"]
    out = {}
    call = recorder(out)

    # Job queries, one per service.
    call("bms.ShowJobInfos", lambda: bms.show_job_infos(ShowJobInfosRequest(job_id=jobs["bms"])))
    call("ecs.ShowJob", lambda: ecs.show_job(EcsShowJob(job_id=jobs["ecs"])))
    call("evs.ShowJob", lambda: evs.show_job(EvsShowJob(job_id=jobs["evs"])))
    call("ims.ShowJob", lambda: ims.show_job(ImsShowJob(job_id=jobs["ims"])))
    call("ims.ShowJobProgress", lambda: ims.show_job_progress(ShowJobProgressRequest(job_id=jobs["ims"])))
    call("eip.ShowResourcesJobDetail", lambda: eip.show_resources_job_detail(ShowResourcesJobDetailRequest(job_id=jobs["vpc"])))
    call("cce.ShowJob", lambda: cce.show_job(CceShowJob(job_id=jobs["cce"])))

    # Lookups. The SDK's server_id is one string, comma-separated (its documented form).
    call("ecs.ListServersDetails", lambda: ecs.list_servers_details(ListServersDetailsRequest(server_id=",".join(ask["servers"]))))
    call("ecs.ListServersDetails.madeUp", lambda: ecs.list_servers_details(ListServersDetailsRequest(server_id=",".join(ask["made_up_servers"]))))
    call("ecs.ListServersDetails.all", lambda: ecs.list_servers_details(ListServersDetailsRequest()))
    call("ecs.ShowServer", lambda: ecs.show_server(ShowServerRequest(server_id=ask["servers"][0])))
    call("bms.ListBareMetalServerDetails", lambda: bms.list_bare_metal_server_details(ListBareMetalServerDetailsRequest(server_id=ask["bare_metal_server"])))
    call("bms.ListBareMetalServers", lambda: bms.list_bare_metal_servers(ListBareMetalServersRequest(limit=5)))
    call("evs.ListVolumes", lambda: evs.list_volumes(ListVolumesRequest()))
    call("evs.ListVolumes.page", lambda: evs.list_volumes(ListVolumesRequest(limit=2)))
    call("evs.ShowVolume", lambda: evs.show_volume(ShowVolumeRequest(volume_id=ask["volume"])))

    # The signature is checked: the same query signed with another secret key is refused.
    wrong = (EcsClient.new_builder().with_http_config(config)
             .with_credentials(BasicCredentials(ak, sk + "x", project)).with_endpoints([endpoint]).build())
    call("ecs.ShowJob.wrongKey", lambda: wrong.show_job(EcsShowJob(job_id=jobs["ecs"])))

    out["versions"] = {name: metadata.version(name) for name in (
        "huaweicloudsdkcore", "huaweicloudsdkbms", "huaweicloudsdkcce", "huaweicloudsdkecs",
        "huaweicloudsdkeip", "huaweicloudsdkevs", "huaweicloudsdkims")}
    json.dump(out, sys.stdout, default=str, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
