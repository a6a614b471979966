#!/usr/bin/env python3
"""Asks the simulator for one job of each family of FAMILIES.md through Huawei Cloud's official
Python SDKs and prints, as one JSON object, what each SDK's models parsed (or the error it
raised). Run by FamiliesSDKConformanceTests with the SDKs in a venv; by hand:

    scripts/sdk-check-families.py http://127.0.0.1:PORT AK SK PROJECT_ID DOMAIN_ID < ask.json

`ask.json`: {"jobs": {"rds": ID, "dds": ID, "opengauss": ID, "taurusdb": ID, "geminidb": ID,
"dcs": ID, "elb": ID, "sfsturbo": ID, "cbr": ID, "dms": "INSTANCE/TASK", "geip": ID, "order": ID}}.
Global EIP and BSS are the account's: GlobalCredentials with the domain ID (given, so the SDK
never asks IAM). Every client is pointed at the one loopback endpoint given.
"""
import json
from importlib import metadata
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials

from sdk_calls import loopback_http_config, recorder

from huaweicloudsdkrds.v3 import RdsClient, ListJobInfoRequest
from huaweicloudsdkdds.v3 import DdsClient, ShowJobDetailRequest as DdsShowJobDetail
from huaweicloudsdkgaussdbforopengauss.v3 import GaussDBforopenGaussClient, ShowJobDetailRequest as OpenGaussShowJobDetail
from huaweicloudsdkgaussdb.v3 import GaussDBClient, ShowGaussMySqlJobInfoRequest
from huaweicloudsdkgaussdbfornosql.v3 import GaussDBforNoSQLClient, ListJobsRequest as NoSQLListJobs
from huaweicloudsdkdcs.v2 import DcsClient, ShowJobInfoRequest
from huaweicloudsdkelb.v3 import ElbClient, ShowJobRequest as ElbShowJob
from huaweicloudsdksfsturbo.v1 import SFSTurboClient, ShowJobDetailRequest as TurboShowJobDetail
from huaweicloudsdkcbr.v1 import CbrClient, ShowOpLogRequest
from huaweicloudsdkkafka.v2 import KafkaClient, ShowBackgroundTaskRequest
from huaweicloudsdkgeip.v3 import GeipClient, ShowJobsRequest
from huaweicloudsdkbss.v2 import BssClient, ShowCustomerOrderDetailsRequest, ListPayPerUseCustomerResourcesRequest, QueryResourcesReq

PACKAGES = ("huaweicloudsdkcore", "huaweicloudsdkrds", "huaweicloudsdkdds", "huaweicloudsdkgaussdbforopengauss",
            "huaweicloudsdkgaussdb", "huaweicloudsdkgaussdbfornosql", "huaweicloudsdkdcs", "huaweicloudsdkelb",
            "huaweicloudsdksfsturbo", "huaweicloudsdkcbr", "huaweicloudsdkkafka", "huaweicloudsdkgeip", "huaweicloudsdkbss")


def main():
    endpoint, ak, sk, project, domain = sys.argv[1:6]
    config = loopback_http_config(endpoint, "sdk-check-families")
    jobs = json.load(sys.stdin)["jobs"]

    def client(cls, credentials):
        return cls.new_builder().with_http_config(config).with_credentials(credentials).with_endpoints([endpoint]).build()

    def project_client(cls):
        return client(cls, BasicCredentials(ak, sk, project))

    def account_client(cls):
        return client(cls, GlobalCredentials(ak, sk, domain))

    out = {}
    call = recorder(out)

    instance, task = jobs["dms"].split("/", 1)
    call("rds", lambda: project_client(RdsClient).list_job_info(ListJobInfoRequest(id=jobs["rds"])))
    call("dds", lambda: project_client(DdsClient).show_job_detail(DdsShowJobDetail(id=jobs["dds"])))
    call("opengauss", lambda: project_client(GaussDBforopenGaussClient).show_job_detail(OpenGaussShowJobDetail(id=jobs["opengauss"])))
    call("taurusdb", lambda: project_client(GaussDBClient).show_gauss_my_sql_job_info(ShowGaussMySqlJobInfoRequest(id=jobs["taurusdb"])))
    call("geminidb", lambda: project_client(GaussDBforNoSQLClient).list_jobs(NoSQLListJobs(id=jobs["geminidb"])))
    call("dcs", lambda: project_client(DcsClient).show_job_info(ShowJobInfoRequest(job_id=jobs["dcs"])))
    call("elb", lambda: project_client(ElbClient).show_job(ElbShowJob(job_id=jobs["elb"])))
    call("sfsturbo", lambda: project_client(SFSTurboClient).show_job_detail(TurboShowJobDetail(job_id=jobs["sfsturbo"])))
    call("cbr", lambda: project_client(CbrClient).show_op_log(ShowOpLogRequest(operation_log_id=jobs["cbr"])))
    call("dms", lambda: project_client(KafkaClient).show_background_task(ShowBackgroundTaskRequest(instance_id=instance, task_id=task)))
    call("geip", lambda: account_client(GeipClient).show_jobs(ShowJobsRequest(job_id=jobs["geip"])))
    call("order", lambda: account_client(BssClient).show_customer_order_details(ShowCustomerOrderDetailsRequest(order_id=jobs["order"])))
    call("order.resources", lambda: account_client(BssClient).list_pay_per_use_customer_resources(
        ListPayPerUseCustomerResourcesRequest(body=QueryResourcesReq(order_id=jobs["order"], only_main_resource=0))))

    out["versions"] = {name: metadata.version(name) for name in PACKAGES}
    json.dump(out, sys.stdout, default=str, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
